// cli: what the sweep coordinator and the BullMQ workers agree on — the queue's name and a job's data.

/** The one BullMQ queue every sweep uses; jobs carry their sweep's digest. */
export const QUEUE_NAME = 'calisim-sweep';

/** One point of one sweep: the sweep file as the workers can open it, its digest, the point index. */
export interface PointJobData {
  readonly file: string;
  readonly digest: string;
  readonly index: number;
}

/** The job id of a point: the same point of the same sweep is one job, however often it is enqueued. */
export function pointJobId(digest: string, index: number): string {
  return `${digest}-${index}`;
}
