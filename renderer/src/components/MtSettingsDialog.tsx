/** Machine translation settings: provider, address, model, limits and the API key (never shown back). */
import { useEffect, useRef, useState } from 'react';
import type { MtProvider, MtSettingsView, UpdateMtSettingsArgs } from '../../../shared/mt/schemas';
import { keyOrigin } from '../../../shared/mt/key-binding';
import { useClient } from '../state/client';
import { mergeLoaded } from '../state/loaded-form';
import { useMtI18n } from '../i18n-mt';
import { Modal } from './Modal';

export function MtSettingsDialog({ onClose, onSaved, onError }: { onClose: () => void; onSaved: (v: MtSettingsView) => void; onError: (e: unknown) => void }) {
  const { client } = useClient();
  const { mt } = useMtI18n();
  const [view, setView] = useState<MtSettingsView | null>(null);
  const [form, setForm] = useState({ provider: 'openai' as MtProvider, url: '', model: '', sourceLang: '', targetLang: '', rps: '2', timeout: '60', retries: '3' });
  const [key, setKey] = useState('');
  // fields typed into before the stored settings arrived keep what was typed
  const touched = useRef(new Set<keyof typeof form>());

  useEffect(() => {
    client.getMtSettings({}).then((v) => {
      setView(v);
      const stored = { provider: v.provider, url: v.url, model: v.model, sourceLang: v.sourceLang, targetLang: v.targetLang, rps: String(v.requestsPerSecond), timeout: String(v.timeoutSeconds), retries: String(v.maxRetries) };
      setForm((f) => mergeLoaded(stored, f, touched.current));
    }, onError);
  }, [client, onError]);

  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    touched.current.add(k);
    const value = e.target.value;
    setForm((f) => ({ ...f, [k]: value }));
  };

  async function save(extra: Partial<UpdateMtSettingsArgs> = {}) {
    const args: UpdateMtSettingsArgs = {
      provider: form.provider,
      url: form.url.trim(),
      model: form.model.trim(),
      sourceLang: form.sourceLang.trim() || undefined,
      targetLang: form.targetLang.trim() || undefined,
      requestsPerSecond: Number(form.rps) > 0 ? Number(form.rps) : undefined,
      timeoutSeconds: Number(form.timeout) > 0 ? Number(form.timeout) : undefined,
      maxRetries: Number.isInteger(Number(form.retries)) && Number(form.retries) >= 0 ? Number(form.retries) : undefined,
      ...(key ? { apiKey: key } : {}),
      ...extra,
    };
    try {
      const v = await client.updateMtSettings(args);
      setView(v);
      setKey('');
      return v;
    } catch (e) {
      onError(e);
      return null;
    }
  }

  return (
    <Modal title={mt('mt.settings.title')} onClose={onClose} testId="mt-settings" className="mt-settings">
      <form
        className="modal-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save().then((v) => {
            if (v) {
              onSaved(v);
              onClose();
            }
          });
        }}
      >
        <label htmlFor="mt-provider">{mt('mt.settings.provider')}</label>
        <select id="mt-provider" value={form.provider} onChange={set('provider')} data-testid="mt-provider">
          <option value="openai">{mt('mt.provider.openai')}</option>
          <option value="libretranslate">{mt('mt.provider.libretranslate')}</option>
        </select>
        <label htmlFor="mt-url">{mt('mt.settings.url')}</label>
        <input id="mt-url" value={form.url} onChange={set('url')} placeholder="http://127.0.0.1:8080/v1" data-testid="mt-url" autoFocus spellCheck={false} aria-describedby="mt-url-hint mt-privacy" />
        <p className="mt-hint" id="mt-url-hint">
          {form.provider === 'openai' ? mt('mt.settings.urlHintOpenai') : mt('mt.settings.urlHintLibre')}
        </p>
        <p className="mt-hint" id="mt-privacy">
          {mt('mt.settings.privacy')}
        </p>
        {form.provider === 'openai' ? (
          <>
            <label htmlFor="mt-model">{mt('mt.settings.model')}</label>
            <input id="mt-model" value={form.model} onChange={set('model')} data-testid="mt-model" spellCheck={false} />
          </>
        ) : (
          <div className="mt-row">
            <label>
              {mt('mt.settings.sourceLang')}
              <input value={form.sourceLang} onChange={set('sourceLang')} data-testid="mt-source-lang" />
            </label>
            <label>
              {mt('mt.settings.targetLang')}
              <input value={form.targetLang} onChange={set('targetLang')} />
            </label>
          </div>
        )}
        <div className="mt-row">
          <label>
            {mt('mt.settings.rps')}
            <input type="number" min="0.1" step="0.1" value={form.rps} onChange={set('rps')} data-testid="mt-rps" />
          </label>
          <label>
            {mt('mt.settings.timeout')}
            <input type="number" min="1" value={form.timeout} onChange={set('timeout')} />
          </label>
          <label>
            {mt('mt.settings.retries')}
            <input type="number" min="0" max="10" value={form.retries} onChange={set('retries')} />
          </label>
        </div>
        <label htmlFor="mt-key">{mt('mt.settings.key')}</label>
        <input id="mt-key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} data-testid="mt-key" />
        {view && (
          <>
            <p className="mt-key-note" data-testid="mt-key-state">
              {view.keySet && view.keyOrigin ? mt('mt.settings.keySet', { origin: view.keyOrigin }) : mt('mt.settings.keyNotSet')}
            </p>
            {view.keySet && view.keyOrigin && !key && (form.provider !== view.provider || keyOrigin(form.url) !== view.keyOrigin) && (
              <p className="mt-key-note mt-key-warning" role="alert" data-testid="mt-key-moves">
                {mt('mt.settings.keyMoves', { origin: view.keyOrigin })}
              </p>
            )}
            {/* where the key is kept is information, not an alarm: a neutral note (a red one read as an error) */}
            <p className={`mt-key-note${view.keyStorage === 'session' ? ' mt-key-info' : ''}`} data-testid="mt-key-storage">
              {view.keyStorage === 'encrypted' ? mt('mt.settings.keyEncrypted') : mt('mt.settings.keySession')}
            </p>
          </>
        )}
        <div className="modal-actions">
          {view?.keySet && (
            <button type="button" className="btn" onClick={() => void save({ apiKey: null })}>
              {mt('mt.settings.forgetKey')}
            </button>
          )}
          <button type="button" className="btn" onClick={onClose}>
            {mt('mt.settings.cancel')}
          </button>
          {/* saving before the stored settings arrived would write the form's defaults over them */}
          <button type="submit" className="btn btn-primary" data-testid="mt-save" disabled={!view}>
            {mt('mt.settings.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
