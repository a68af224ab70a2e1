import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import AppPage from '@/components/app-page';
import { ErrorState, LoadingCards } from '@/components/state-views';
import type { Commitment } from '@/domain/commitment';
import { useResource } from '@/hooks/use-resource';
import { getCommitment } from '@/services/commitments';
import { useStaffSession } from '../session';
import CommitmentSearch from './commitment-search';
import UpdateForm from './update-form';
import '../worker.scss';
import './index.scss';

/** 上报进展: on the commitment the link names (`?id=`), or on one the worker finds by searching. */
export default function PostUpdatePage() {
  const session = useStaffSession();
  const { params } = useRouter();
  const id = params.id ?? '';
  const load = useCallback(() => getCommitment(id).then((fetched) => fetched.data), [id]);
  const named = useResource(id ? load : null, { pullDown: false });
  // Chosen from the search, or as it stands after a post; otherwise the one the link names.
  const [picked, setPicked] = useState<Commitment | null>(null);
  const commitment = picked ?? named.data;

  if (!session) return <AppPage />;
  if (named.status === 'loading') {
    return (
      <AppPage>
        <LoadingCards count={2} />
      </AppPage>
    );
  }
  if (named.status === 'error') {
    return (
      <AppPage>
        <ErrorState message={named.error} onRetry={named.reload} />
      </AppPage>
    );
  }
  if (!commitment) {
    return (
      <AppPage className="post-update">
        <Text className="post-update__lead">选择要上报进展的民生实事</Text>
        <CommitmentSearch onPick={setPicked} />
      </AppPage>
    );
  }
  return (
    <AppPage className="post-update">
      <UpdateForm
        // Another commitment starts a new report.
        key={commitment.id}
        commitment={commitment}
        onChangeCommitment={id ? undefined : () => setPicked(null)}
        onRefreshed={setPicked}
      />
    </AppPage>
  );
}
