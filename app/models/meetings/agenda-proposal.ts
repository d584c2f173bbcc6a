/** Why "Agenda voorstellen" proposes a point, in the order the page groups them (rules: agenda-proposal.server.ts). Browser-safe. */
export const PROPOSAL_REASONS = ['decision', 'overdue', 'deadline', 'changed'] as const;
export type ProposalReason = (typeof PROPOSAL_REASONS)[number];
