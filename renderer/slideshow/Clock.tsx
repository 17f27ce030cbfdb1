// A calm clock in the top right corner: the time (12 or 24 h as the locale has
// it), and the date if wanted. It renders once a minute, on the minute.
import { useEffect, useState } from 'react';
import type { ClockMode } from './look';

// Made when a clock is first shown: the first Intl formatter loads the
// locale's data (50-80 ms here), which a show without a clock never needs.
let formats: { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat } | null = null;
function clockFormats() {
  formats ??= {
    time: new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }),
    date: new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' }),
  };
  return formats;
}

/** The time now, renewed just after each minute begins. */
function useMinute(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const at = new Date();
      setNow(at);
      // Measured afresh each time: a sleeping machine or a changed clock never leaves it behind.
      timer = setTimeout(schedule, 60_000 - (at.getTime() % 60_000) + 50);
    };
    schedule();
    return () => clearTimeout(timer);
  }, []);
  return now;
}

export function Clock({ mode }: { mode: Exclude<ClockMode, 'off'> }) {
  const now = useMinute();
  const { time, date } = clockFormats();
  return (
    <>
      <div className="clock-shade" aria-hidden="true" />
      <div className="clock overlay" data-testid="clock" data-mode={mode}>
        <time className="clock__time" dateTime={now.toISOString()}>
          {time.format(now)}
        </time>
        {mode === 'time-date' && <div className="clock__date">{date.format(now)}</div>}
      </div>
    </>
  );
}
