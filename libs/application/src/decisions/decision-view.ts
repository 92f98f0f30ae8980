import type { ApprovedObject, Forum } from '@it-samverkan/domain';

/** A forum's decision as the API, documents and the web application show it (types only: the web imports it). */
export interface DecisionView {
  id: string;
  forum: Forum;
  forumName: string;
  date: string;
  year: number;
  paragraph: string;
  subject: string;
  /** "IT-styrgruppen 2024-11-20 § 14": how minutes and documents cite the decision. */
  reference: string;
  approves: ApprovedObject[];
  createdAt: string;
  createdBy: string;
}
