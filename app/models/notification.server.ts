/**
 * Notifications. Scaffold while the notifications work is in progress: the meeting and
 * minutes flows already call these; their bodies arrive with the notifications module.
 */
export function notifyMeetingPlanned(_input: { meetingId: number; actorId: number }): void {}

export function notifyMinutesPublished(_input: { meetingId: number; actorId: number }): void {}
