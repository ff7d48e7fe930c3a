// emit: the Kubernetes Indexed Job of a sweep — one completion per point; each pod runs
// `calisim sweep-point SWEEP --index $(JOB_COMPLETION_INDEX)` and writes its point file to a shared volume
// that `calisim sweep --merge DIR` reads (batch/v1 Job, completionMode Indexed: Kubernetes ≥ 1.24).

export interface JobOptions {
  /** The sweep file as the pods see it (relative to the working directory /work of the image). */
  readonly sweepFile: string;
  readonly points: number;
  readonly digest: string;
  readonly image: string;
  /** PersistentVolumeClaim mounted at /results (ReadWriteMany when pods run on several nodes). */
  readonly claim: string;
  readonly parallelism: number;
  /** Limit options for every pod's `sweep-point` (`--max-events`, `10`, ...), as the sweep was given them. */
  readonly limitArgs: readonly string[];
}

/** The Job object (plain JSON, ready for YAML). */
export function sweepJob(o: JobOptions): Record<string, unknown> {
  const name = `calisim-sweep-${o.digest.slice(0, 8)}`;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, labels: { 'app.kubernetes.io/name': 'calisim', 'calisim.io/sweep': o.digest } },
    spec: {
      completionMode: 'Indexed',
      completions: o.points,
      parallelism: Math.min(o.parallelism, o.points),
      // A pod that fails (OOM, node lost) is retried; a point is pure, so a retry writes the same bytes.
      backoffLimit: Math.max(6, o.points),
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': 'calisim', 'calisim.io/sweep': o.digest } },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'point',
              image: o.image,
              workingDir: '/work',
              command: ['calisim'],
              // $(JOB_COMPLETION_INDEX): the Job controller sets this variable in every pod of an Indexed Job.
              args: ['sweep-point', o.sweepFile, '--index', '$(JOB_COMPLETION_INDEX)', '--out', '/results', ...o.limitArgs],
              resources: { requests: { cpu: '1', memory: '1Gi' } },
              volumeMounts: [{ name: 'results', mountPath: '/results' }],
            },
          ],
          volumes: [{ name: 'results', persistentVolumeClaim: { claimName: o.claim } }],
        },
      },
    },
  };
}
