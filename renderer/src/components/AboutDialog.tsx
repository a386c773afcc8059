/** About Jiaodui and the licences of every bundled data set and library (generated from shared/licences.ts). */
import { useEffect, useState } from 'react';
import { LICENCES, licenceTexts } from '../../../shared/licences';
import { useClient } from '../state/client';
import { useMtI18n } from '../i18n-mt';
import { Modal } from './Modal';

export function AboutDialog({ onClose }: { onClose: () => void }) {
  const { client } = useClient();
  const { mt, t, locale } = useMtI18n();
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    client.getInfo({}).then((i) => setVersion(i.version), () => undefined);
  }, [client]);
  return (
    <Modal title={mt('about.title')} onClose={onClose} testId="about-dialog" className="about-dialog modal-wide">
      <div className="about-body">
        <p>
          <strong>{t('app.name')}</strong> {version && mt('about.version', { version })}
        </p>
        <p className="about-credit" data-testid="about-cedict">
          {mt('about.cedict')}
        </p>
        <p>{mt('about.intro')}</p>
        <div className="about-scroll">
          <table data-testid="about-licences">
            <thead>
              <tr>
                <th>{mt('about.name')}</th>
                <th>{mt('about.licence')}</th>
                <th>{mt('about.use')}</th>
              </tr>
            </thead>
            <tbody>
              {LICENCES.map((l) => ({ l, text: licenceTexts(l, locale) })).map(({ l, text }) => (
                <tr key={l.name} data-testid="about-licence-row" data-npm={l.npm ?? ''}>
                  <td>
                    <a href={l.url} target="_blank" rel="noreferrer noopener">
                      {l.name}
                    </a>
                    <div className="about-kind">
                      {mt(`about.kind.${l.kind}`)}
                      {l.system ? ` · ${mt('about.system')}` : ''}
                    </div>
                  </td>
                  <td>
                    <code>{l.licence}</code>
                    <div className="about-kind" data-testid="about-copyright">{text.copyright}</div>
                  </td>
                  <td data-testid="about-use" lang={locale}>
                    {text.use}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="modal-actions">
          <button type="button" className="btn btn-primary" onClick={onClose} autoFocus>
            {mt('about.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
