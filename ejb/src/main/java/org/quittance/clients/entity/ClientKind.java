package org.quittance.clients.entity;

public enum ClientKind {
    INDIVIDUAL,
    ORGANISATION
}
