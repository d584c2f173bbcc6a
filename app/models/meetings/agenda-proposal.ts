/** Why "Agenda voorstellen" proposes a point, in the order the page groups them (rules: agenda-proposal.server.ts). Browser-safe. */
export const PROPOSAL_REASONS = ['minutes', 'decision', 'overdue', 'deadline', 'changed'] as const;
export type ProposalReason = (typeof PROPOSAL_REASONS)[number];

/** The planned minutes a proposal starts with; the planner changes them on the page. */
export function defaultProposalMinutes(reason: ProposalReason): number {
  return reason === 'minutes' ? 5 : 10;
}
