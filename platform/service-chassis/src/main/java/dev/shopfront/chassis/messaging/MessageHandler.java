package dev.shopfront.chassis.messaging;

/**
 * Applies one message, inside the transaction in which the inbox records it; should call
 * one application-service method. Throwing rolls both back and sends the message to
 * retry.
 */
@FunctionalInterface
public interface MessageHandler {

	void handle(IncomingMessage message) throws Exception;

}
