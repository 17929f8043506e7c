package org.quittance.messaging.control;

/** The application's queues, by logical name; the server configuration binds them in JNDI. */
public enum Queue {
    PUBLISHED_INVOICES("PublishedInvoices"),
    PAYMENT_NOTIFICATIONS("PaymentNotifications");

    /** JMS string properties every Quittance message carries. */
    public static final String TYPE_PROPERTY = "quittanceType";
    public static final String KEY_PROPERTY = "quittanceKey";

    private final String queueName;

    Queue(String queueName) {
        this.queueName = queueName;
    }

    public String queueName() {
        return queueName;
    }

    public String jndiName() {
        return "java:/jms/queue/" + queueName;
    }

    public String deadLetterJndiName() {
        return "java:/jms/queue/" + queueName + "DLQ";
    }
}
