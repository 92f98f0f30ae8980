/** A development request (GET /api/v1/utveckling/requests). */
export interface DevelopmentRequest {
  id: string;
  unitId: string;
  unitName: string;
  municipalityId: string;
  title: string;
  need: string;
  estimateHours: string | null;
  funding: string | null;
  fundingLabel: string | null;
  status: string;
  statusLabel: string;
  nextStatuses: string[];
  decision: { id: string; reference: string; subject: string } | null;
  reportedHours: string;
  createdAt: string;
}
