import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import AppPage from '@/components/app-page';
import RequestForm from '@/components/request-form';
import { getCommitment } from '@/services/commitments';

/** 反映问题 from a commitment's page: the same form, with that commitment linked (`?commitmentId=`). */
export default function RequestFormPage() {
  const { params } = useRouter();
  const commitmentId = params.commitmentId ? decodeURIComponent(params.commitmentId) : '';
  const [commitment, setCommitment] = useState<{ id: string; title: string } | null>(null);

  useEffect(() => {
    if (!commitmentId) return;
    let current = true;
    getCommitment(commitmentId)
      .then(({ data }) => current && setCommitment({ id: data.id, title: data.title }))
      // Unknown or unreachable: the person can still file, and search for the commitment by hand.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [commitmentId]);

  return (
    <AppPage className="request-form-page">
      <RequestForm commitment={commitment} />
    </AppPage>
  );
}
