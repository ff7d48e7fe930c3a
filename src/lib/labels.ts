// lib: a label map (Kubernetes labels, Calico labels): the one type every stage matches selectors against.

/** Label key → value. */
export type Labels = Readonly<Record<string, string>>;
