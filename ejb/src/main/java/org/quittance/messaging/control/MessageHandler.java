package org.quittance.messaging.control;

/**
 * Does the work for one type of message on one queue. Implementations are CDI beans (usually
 * delegating to an EJB); they run in the consumer's transaction and throw to have the message
 * redelivered (and, after the configured attempts, dead-lettered).
 */
public interface MessageHandler {

    Queue queue();

    String type();

    void handle(String key, String body);
}
