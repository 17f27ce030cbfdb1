// How the show looks and how often the frame checks Wix, with a live preview
// of the look as it is being edited (before Save).
import { ChoiceField, SwitchField, TextField } from './fields';
import { ShowPreview } from './ShowPreview';

export function ShowSection({ mediaUrl }: { mediaUrl: (path: string) => string }) {
  return (
    <section className="section" aria-labelledby="section-show">
      <h2 id="section-show">Show</h2>
      <ShowPreview mediaUrl={mediaUrl} />
      <TextField field="slideSeconds" label="Seconds per photo" inputMode="numeric" short />
      <ChoiceField
        field="transition"
        label="Transition"
        options={[
          { value: 'crossfade', label: 'Crossfade' },
          { value: 'slide', label: 'Slide' },
          { value: 'zoom-fade', label: 'Zoom and fade' },
          { value: 'none', label: 'None' },
        ]}
      />
      <ChoiceField
        field="order"
        label="Order"
        options={[
          { value: 'sorted', label: 'As sorted on Wix' },
          { value: 'shuffle', label: 'Shuffle' },
        ]}
      />
      <ChoiceField
        field="fit"
        label="Fit"
        options={[
          { value: 'fit', label: 'Whole photo on a blurred backdrop' },
          { value: 'fill', label: 'Fill the screen' },
        ]}
      />
      <SwitchField field="pairPortraits" label="Portrait pairs" hint="Two portraits side by side (two landscapes stacked on a portrait screen)." />
      <SwitchField field="kenBurns" label="Slow pan and zoom" hint="Each photo drifts toward its focal point, as set on Wix." />
      <ChoiceField
        field="clock"
        label="Clock"
        options={[
          { value: 'off', label: 'Off' },
          { value: 'time', label: 'Time' },
          { value: 'time-date', label: 'Time and date' },
        ]}
      />
      <ChoiceField
        field="captions"
        label="Captions"
        options={[
          { value: 'none', label: 'None' },
          { value: 'title', label: 'Title' },
          { value: 'title-description', label: 'Title and description' },
        ]}
      />
      <TextField field="pollSeconds" label="Check Wix every" unit="seconds" inputMode="numeric" short hint="Webhooks bring changes within a second; this check is the safety net." />
      <TextField
        field="webhookPublicKey"
        label="Webhook public key"
        multiline
        wide
        placeholder={'-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----'}
        hint="Paste it from your Wix app’s Webhooks page, so the frame trusts only Wix’s events."
      />
    </section>
  );
}
