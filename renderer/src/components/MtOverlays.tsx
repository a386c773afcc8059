/** Machine translation and gloss overlays, drawn from useMtGlosses' state. */
import type { MtOverlayState } from '../state/useMtGlosses';
import { GlossPopover } from '../lazy';
// the translation progress shows only while a job started by a command runs: a chunk of its own (lazy.tsx)
import { AboutDialog, MtSettingsDialog, TranslateProgress } from '../lazy';

export function MtOverlays({ state: s }: { state: MtOverlayState }) {
  return (
    <>
      {s.doc && <GlossPopover documentId={s.doc.id} segments={s.segments} keyboardLookup={s.lookup} />}
      {s.job && <TranslateProgress key={s.job.id} job={s.job} onTranslated={s.onTranslated} onClose={s.closeJob} onError={s.onError} />}
      {s.dialog === 'settings' && <MtSettingsDialog onClose={s.closeDialog} onSaved={s.onSettingsSaved} onError={s.onError} />}
      {s.dialog === 'about' && <AboutDialog onClose={s.closeDialog} />}
    </>
  );
}
