/** Moving projects (issue 19, `jiaodui push`/`pull`): a project as a bundle, and a bundle as a new project (core/bundle.ts). */
import { checkBundle, exportBundle, importBundle, readBundle } from '../bundle';
import type { HandlerTable } from './handler';

export const bundleHandlers = {
  exportProjectBundle: (ctx, args) => {
    ctx.requireProject(args.projectId);
    return exportBundle(ctx.store, args.projectId, { app: ctx.info.version, now: ctx.now() });
  },
  importProjectBundle: (ctx, args) => {
    const bundle = readBundle(args.bundle);
    checkBundle(bundle); // before the write lock: the digest and references of a large bundle take a while
    return ctx.tx(() => {
      const { projectId, documentIds } = importBundle(ctx.store, bundle, args.name ?? bundle.name, ctx.now());
      ctx.touch({ projects: [projectId], documents: documentIds, topics: ['library'] });
      return { project: ctx.store.project(projectId)!, digest: bundle.digest, counts: bundle.counts };
    });
  },
} satisfies HandlerTable;
