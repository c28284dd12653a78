package com.krleads.deployment;

/** A server behind the {@link LoadBalancer}: its name there, its API port and the admin port its readiness is checked on. */
interface Balanced {
    String name();

    int appPort();

    int adminPort();
}
