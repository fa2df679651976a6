package dev.shopfront.notification.mail;

/**
 * An e-mail ready to send: plain text.
 *
 * @param subject the subject line
 * @param body the text
 */
public record RenderedMail(String subject, String body) {
}
