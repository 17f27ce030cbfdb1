// Night schedule: per weekday when the screen is on, plus the manual override
// and the named method that switches the display (never free text).
import type { DaySchedule } from '../../shared/settings';
import { ChoiceField, controlId, FieldNotes, SwitchField } from './fields';
import { useModel, useSettings } from './model-context';
import { updateDay, weekRows } from './week-rows';

export function ScheduleSection() {
  const enabled = useSettings((s) => s.form?.scheduleEnabled ?? false);
  return (
    <section className="section" aria-labelledby="section-schedule">
      <h2 id="section-schedule">Night schedule</h2>
      <SwitchField field="scheduleEnabled" label="Screen off at night" hint="While the screen is off, the show, downloads and checks pause." />
      {enabled && <WeekTable />}
      <ChoiceField
        field="screenMode"
        label="Screen"
        options={[
          { value: 'auto', label: enabled ? 'Follow the schedule' : 'Automatic' },
          { value: 'on', label: 'Always on' },
          { value: 'off', label: 'Off now' },
        ]}
      />
      <ChoiceField
        field="screenPower"
        label="Screen switch"
        hint="How this frame turns its display off and on. Raspberry Pi OS with Wayland: wlopm."
        options={[
          { value: 'wlopm', label: 'Wayland (wlopm)' },
          { value: 'wlr-randr', label: 'Wayland outputs (wlr-randr)' },
          { value: 'vcgencmd', label: 'Raspberry Pi HDMI (vcgencmd display_power)' },
          { value: 'xset', label: 'X11 (xset dpms)' },
          { value: 'backlight', label: 'Official touchscreen backlight' },
          { value: 'cec', label: 'TV over HDMI-CEC (cec-ctl)' },
          { value: 'none', label: 'Do not switch the display' },
        ]}
      />
    </section>
  );
}

function WeekTable() {
  const model = useModel();
  const week = useSettings((s) => s.form?.weekSchedule ?? []);
  const error = useSettings((s) => s.errors.weekSchedule);
  const change = (index: number, patch: Partial<DaySchedule>) => model.edit('weekSchedule', updateDay(week, index, patch));
  return (
    <fieldset className="field field--wide" id={controlId('weekSchedule')}>
      <legend className="field__label">Screen on</legend>
      <div className="field__body">
        <div className="week">
          <span className="week__head" aria-hidden="true" />
          <span className="week__head" aria-hidden="true">
            from
          </span>
          <span className="week__head" aria-hidden="true">
            until
          </span>
          {weekRows(week).map(({ index, name, day }) => (
            <div className="week__row" key={index}>
              <label className="week__day">
                <input
                  type="checkbox"
                  className="checkbox"
                  checked={day.enabled}
                  onChange={(e) => change(index, { enabled: e.target.checked })}
                  // TV remotes press OK (Enter): flip, do not save.
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter') return;
                    e.preventDefault();
                    change(index, { enabled: !day.enabled });
                  }}
                />
                <span>{name}</span>
              </label>
              <input type="time" aria-label={`${name}: screen on from`} value={day.on} disabled={!day.enabled} onChange={(e) => change(index, { on: e.target.value })} />
              <input type="time" aria-label={`${name}: screen on until`} value={day.off} disabled={!day.enabled} onChange={(e) => change(index, { off: e.target.value })} />
            </div>
          ))}
        </div>
        <FieldNotes field="weekSchedule" hint="An unticked day keeps the screen off all day. An end before the start runs past midnight." note={null} error={error} />
      </div>
    </fieldset>
  );
}
