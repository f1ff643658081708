import type { PlaceholderTicket } from '../../zendesk/placeholders/placeholder-context'
import type { ZdTicket, ZdUser } from './model'

/** A stored ticket with its people looked up, as placeholders read it. */
export function placeholderTicket(
  ticket: ZdTicket,
  users: ReadonlyMap<number, ZdUser>,
): PlaceholderTicket {
  return {
    ...ticket,
    requester: users.get(ticket.requesterId),
    submitter: users.get(ticket.submitterId),
    assignee: ticket.assigneeId === null ? undefined : users.get(ticket.assigneeId),
    comments: ticket.comments.map((comment) => ({
      ...comment,
      author: users.get(comment.authorId),
    })),
  }
}
