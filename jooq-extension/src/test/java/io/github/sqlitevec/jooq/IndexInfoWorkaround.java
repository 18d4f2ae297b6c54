package io.github.sqlitevec.jooq;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * Works around a driver bug so codegen can run today: {@code DatabaseMetaData.getIndexInfo} on a
 * vec0 table that declares a primary key fails with "near ")": syntax error" (sqlite-jdbc builds
 * an empty UNION for the pseudo index {@code pragma index_list} reports for the virtual table),
 * and jOOQ-meta's SQLite snapshot asks it for every table. Reported to the driver's owners; once
 * the driver answers with an empty result this wrapper is a no-op and can go.
 */
final class IndexInfoWorkaround {

    private IndexInfoWorkaround() {}

    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(IndexInfoWorkaround.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    return method.getName().equals("getMetaData") ? wrap((DatabaseMetaData) result, connection) : result;
                });
    }

    private static DatabaseMetaData wrap(DatabaseMetaData metaData, Connection connection) {
        return (DatabaseMetaData) Proxy.newProxyInstance(IndexInfoWorkaround.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
                (proxy, method, args) -> {
                    try {
                        return invoke(metaData, method, args);
                    } catch (SQLException e) {
                        if (!method.getName().equals("getIndexInfo")) {
                            throw e;
                        }
                        return connection.createStatement().executeQuery("select null as TABLE_CAT, null as TABLE_SCHEM, null as TABLE_NAME,"
                                + " null as NON_UNIQUE, null as INDEX_QUALIFIER, null as INDEX_NAME, null as TYPE, null as ORDINAL_POSITION,"
                                + " null as COLUMN_NAME, null as ASC_OR_DESC, null as CARDINALITY, null as PAGES, null as FILTER_CONDITION where 0");
                    }
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
