package com.krleads.scraper.db;

import io.dropwizard.db.DataSourceFactory;

/**
 * The queue's own connection pool: the main pool's database, user and checks, with a size of
 * its own, so that claims and lease renewals never wait behind API reads or lead writes. Built
 * under the name {@link #NAME}, its meters are exported as the main pool's are.
 */
public final class QueuePool {
    public static final String NAME = "queue-database";

    private QueuePool() {
    }

    public static DataSourceFactory settings(DataSourceFactory main, int size) {
        DataSourceFactory queue = new DataSourceFactory();
        queue.setDriverClass(main.getDriverClass());
        queue.setUrl(main.getUrl());
        queue.setUser(main.getUser());
        queue.setPassword(main.getPassword());
        queue.setProperties(main.getProperties());
        main.getValidationQuery().ifPresent(queue::setValidationQuery);
        main.getValidationQueryTimeout().ifPresent(queue::setValidationQueryTimeout);
        queue.setMaxWaitForConnection(main.getMaxWaitForConnection());
        queue.setCheckConnectionOnBorrow(main.getCheckConnectionOnBorrow());
        queue.setCheckConnectionWhileIdle(main.getCheckConnectionWhileIdle());
        queue.setMinSize(1);
        queue.setInitialSize(1);
        queue.setMaxSize(size);
        return queue;
    }
}
