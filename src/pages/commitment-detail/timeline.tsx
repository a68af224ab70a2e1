import { View, Text } from '@tarojs/components';
import type { CommitmentUpdate, Target } from '@/domain/commitment';
import { formatDay } from '@/domain/dates';
import { acceptsFigure, formatFigure } from '@/domain/progress';
import { staffRoleName } from '@/domain/staff';
import { formatDateTime, fromNow } from '@/services/time';
import PhotoGrid from '@/components/photo-grid';

function figure(update: CommitmentUpdate, target: Target | null) {
  if (update.value !== null && acceptsFigure(target)) {
    return `${formatFigure(update.value, target.unit)} · 进度 ${update.percent}%`;
  }
  return `进度 ${update.percent}%`;
}

/**
 * The updates, the latest day described first (as the API sends them): the figure and the day it describes, who
 * posted it and when, the note, the photos.
 */
export default function Timeline({
  updates,
  target,
}: {
  updates: CommitmentUpdate[];
  target: Target | null;
}) {
  if (updates.length === 0) {
    return <Text className="app-muted">还没有上报进展。有了进展，会第一时间显示在这里。</Text>;
  }
  return (
    <View className="timeline" ariaRole="list">
      {updates.map((update) => {
        return (
          <View key={update.id} className="timeline__item" ariaRole="listitem" data-testid="update">
            <View className="timeline__dot" />
            <View className="timeline__body">
              <Text className="timeline__figure">{figure(update, target)}</Text>
              <Text className="timeline__as-of">截至 {formatDay(update.asOf)}</Text>
              <Text className="timeline__meta app-muted">
                {`${update.author.name}（${staffRoleName(update.author.role)}） · 发布于 ${formatDateTime(update.createdAt)} · ${fromNow(update.createdAt)}`}
              </Text>
              {update.note ? <Text className="timeline__note">{update.note}</Text> : null}
              <PhotoGrid photos={update.photos} label="现场照片" />
            </View>
          </View>
        );
      })}
    </View>
  );
}
