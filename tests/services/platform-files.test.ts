import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type * as AccessibleShell from '@/services/accessible-shell';
import type * as AccessibleShellH5 from '@/services/accessible-shell.h5';
import type * as AppTabs from '@/components/app-tabs';
import type * as AppTabsH5 from '@/components/app-tabs/index.h5';
import type * as ChartCanvas from '@/figures/charts/chart-canvas';
import type * as ChartCanvasH5 from '@/figures/charts/chart-canvas.h5';
import type * as Citizen from '@/services/citizen';
import type * as CitizenH5 from '@/services/citizen.h5';
import type * as Files from '@/services/files';
import type * as Interaction from '@/services/interaction';
import type * as InteractionH5 from '@/services/interaction.h5';
import type * as FilesH5 from '@/services/files.h5';
import type * as LocalPhotos from '@/services/local-photos';
import type * as LocalPhotosH5 from '@/services/local-photos.h5';
import type * as Location from '@/services/location';
import type * as LocationH5 from '@/services/location.h5';
import type * as Network from '@/services/network';
import type * as NetworkH5 from '@/services/network.h5';
import type * as OfflineShell from '@/services/offline-shell';
import type * as OfflineShellH5 from '@/services/offline-shell.h5';
import type * as Share from '@/services/share';
import type * as ShareH5 from '@/services/share.h5';
import type * as Transport from '@/services/transport';
import type * as TransportH5 from '@/services/transport.h5';

// The rule: `x.ts` is the mini-program's module and what TypeScript sees; `x.h5.ts` is the browser's, picked by the
// H5 build (and by these tests). Callers import `x`. An H5 twin must export what its plain module exports.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const twins: [
  Same<typeof AccessibleShell, typeof AccessibleShellH5>,
  Same<typeof LocalPhotos, typeof LocalPhotosH5>,
  Same<typeof Network, typeof NetworkH5>,
  Same<typeof OfflineShell, typeof OfflineShellH5>,
  Same<Pick<typeof Share, 'useShare'>, typeof ShareH5>,
  Same<typeof Files, typeof FilesH5>,
  Same<typeof ChartCanvas, typeof ChartCanvasH5>,
  Same<typeof Location, typeof LocationH5>,
  Same<typeof Citizen, typeof CitizenH5>,
  Same<typeof Transport, typeof TransportH5>,
  Same<typeof AppTabs, typeof AppTabsH5>,
  Same<typeof Interaction, typeof InteractionH5>,
] = [true, true, true, true, true, true, true, true, true, true, true, true];

const SRC = join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('platform files', () => {
  it('have the same exports on both platforms', () => {
    expect(twins.every(Boolean)).toBe(true);
  });

  it('come as a plain module (the mini-program) with an .h5 twin, never a .weapp file', () => {
    const files = sourceFiles(SRC);
    expect(files.filter((f) => /\.weapp\.tsx?$/.test(f))).toEqual([]);
    for (const twin of files.filter((f) => /\.h5\.tsx?$/.test(f))) {
      expect(files).toContain(twin.replace(/\.h5\.(tsx?)$/, '.$1'));
    }
  });
});
