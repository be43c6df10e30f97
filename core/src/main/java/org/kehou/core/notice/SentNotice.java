package org.kehou.core.notice;

/**
 * A notice sent (or, in a preview, about to be): the children it concerns, the guardian accounts it goes to (one
 * message each) and how many of those have a WeChat bound to receive it.
 */
public record SentNotice(Long noticeId, int children, int families, int familiesOnWechat) {
}
