import { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import AppPage from '@/components/app-page';
import RequestForm from '@/components/request-form';
import { useResource } from '@/hooks/use-resource';
import { getCommitment } from '@/services/commitments';

/** 反映问题 from a commitment's page: the same form, with that commitment linked (`?commitmentId=`). */
export default function RequestFormPage() {
  const { params } = useRouter();
  const commitmentId = params.commitmentId ? decodeURIComponent(params.commitmentId) : '';
  const load = useCallback(
    () => getCommitment(commitmentId).then(({ data }) => ({ id: data.id, title: data.title })),
    [commitmentId],
  );
  // Unknown or unreachable: the person can still file, and search for the commitment by hand.
  const linked = useResource(commitmentId ? load : null, { pullDown: false });

  return (
    <AppPage className="request-form-page">
      <RequestForm commitment={linked.data} />
    </AppPage>
  );
}
