// Wix connection: how the frame signs in, and a test of what is typed before
// anything is saved.
import { useFrame } from '../state/frame-store';
import { ChoiceField, SecretField, TextField } from './fields';
import { useModel, useSettings } from './model-context';

export function ConnectionSection() {
  const model = useModel();
  const authMode = useSettings((s) => s.form?.authMode ?? 'none');
  const apiKeySet = useSettings((s) => s.saved?.apiKeySet ?? false);
  const clientSecretSet = useSettings((s) => s.saved?.clientSecretSet ?? false);
  const connection = useSettings((s) => s.connection);
  // A fleet frame fed by the relay needs no Wix sign-in of its own.
  const fromRelay = useFrame((s) => s.snapshot?.status.fleet?.source === 'relay');

  return (
    <section className="section" aria-labelledby="section-connection">
      <h2 id="section-connection">Wix connection</h2>
      {fromRelay && (
        <p className="section__lead" data-testid="relay-source">
          This frame takes its photos from the fleet’s relay, so it needs no Wix sign-in: pick its project below. Sign in here only if it should fetch from Wix by itself.
        </p>
      )}
      <ChoiceField
        field="authMode"
        label="Sign-in method"
        options={[
          { value: 'apiKey', label: 'API key' },
          { value: 'oauth', label: 'OAuth app' },
        ]}
        hint={authMode === 'none' && !fromRelay ? 'Choose how this frame signs in to your Wix site.' : undefined}
      />
      {authMode === 'apiKey' && (
        <>
          <SecretField field="apiKey" label="API key" isSet={apiKeySet} hint="From the API Keys Manager of your Wix account, with Portfolio read access." />
          <TextField field="siteId" label="Site ID" placeholder="123e4567-e89b-12d3-a456-426614174000" hint="In your site dashboard’s address, after /dashboard/." />
        </>
      )}
      {authMode === 'oauth' && (
        <>
          <TextField field="clientId" label="Client ID" />
          <SecretField field="clientSecret" label="Client secret" isSet={clientSecretSet} />
          <TextField field="instanceId" label="Instance ID" placeholder="123e4567-e89b-12d3-a456-426614174000" />
        </>
      )}
      {authMode !== 'none' && (
        <div className="field field--actions">
          <div className="field__body">
            <button type="button" className="button" data-testid="test-connection" disabled={connection.state === 'testing'} onClick={() => void model.testConnection()}>
              {connection.state === 'testing' ? 'Testing…' : 'Test connection'}
            </button>
            {connection.state === 'ok' && (
              <p className="result result--ok" role="status" data-testid="connection-ok">
                {connection.message}
              </p>
            )}
            {connection.state === 'failed' && (
              <p className="result result--error" role="alert" data-testid="settings-error">
                {connection.message}
              </p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
