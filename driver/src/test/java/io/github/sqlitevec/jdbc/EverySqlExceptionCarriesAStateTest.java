package io.github.sqlitevec.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls every method of every JDBC interface on every object the driver hands out (connection,
 * statements, result set, the three metadata objects), while open, after the object itself was
 * closed, and after its connection was closed. Whatever fails must fail with an {@link SQLException}
 * carrying a five-character SQLState. A runtime exception is allowed only where plain sqlite-jdbc
 * throws the same class for the same call (e.g. {@code unwrap} of an unrelated interface).
 */
class EverySqlExceptionCarriesAStateTest {

    private static final Pattern STATE = Pattern.compile("[0-9A-Z]{5}");
    /** Methods that would end the phase for every later call (on the connection: also for the object-closed phase). */
    private static final Set<String> SKIPPED_WHILE_OPEN = Set.of("close", "abort");

    @TempDir
    Path dir;

    /** The objects of one phase, by name, with the JDBC interface whose methods are called. */
    private record Target(String name, Object object, Class<?> api) {}

    private enum Phase { OPEN, OBJECT_CLOSED, CONNECTION_CLOSED }

    private List<Target> targets(String prefix, String file, Phase phase) throws SQLException {
        Connection c = DriverManager.getConnection(prefix + dir.resolve(file));
        try (Statement setup = c.createStatement()) {
            setup.execute("CREATE TABLE IF NOT EXISTS t (a INTEGER PRIMARY KEY, b TEXT)");
        }
        Statement st = c.createStatement();
        PreparedStatement ps = c.prepareStatement("SELECT a, b FROM t WHERE a = ?");
        Statement rsOwner = c.createStatement();
        ResultSet rs = rsOwner.executeQuery("SELECT 1 AS a, 'x' AS b");
        List<Target> targets = List.of(
                new Target("Connection", c, Connection.class),
                new Target("Statement", st, Statement.class),
                new Target("PreparedStatement", ps, PreparedStatement.class),
                new Target("ResultSet", rs, ResultSet.class),
                new Target("ResultSetMetaData", rs.getMetaData(), ResultSetMetaData.class),
                new Target("ParameterMetaData", ps.getParameterMetaData(), ParameterMetaData.class),
                new Target("DatabaseMetaData", c.getMetaData(), DatabaseMetaData.class));
        if (phase == Phase.OBJECT_CLOSED) {
            st.close();
            ps.close();
            rs.close();
        } else if (phase == Phase.CONNECTION_CLOSED) {
            c.close();
        }
        return targets;
    }

    /** "Statement.execute(String)" → the class of the runtime exception, "SQLException:<state>", or "ok". */
    private Map<String, String> outcomes(String prefix, Phase phase) throws Exception {
        Map<String, String> outcomes = new TreeMap<>();
        List<Target> targets = targets(prefix, phase + ".db", phase);
        try {
            for (Target target : targets) {
                for (Method m : methodsOf(target.api())) {
                    boolean endsThePhase = phase == Phase.OPEN || (phase == Phase.OBJECT_CLOSED && target.api() == Connection.class);
                    if (endsThePhase && SKIPPED_WHILE_OPEN.contains(m.getName())) {
                        continue;
                    }
                    outcomes.put(target.name() + "." + signature(m), outcome(target.object(), m));
                }
            }
        } finally {
            ((Connection) targets.get(0).object()).close();
        }
        return outcomes;
    }

    private static List<Method> methodsOf(Class<?> api) {
        List<Method> methods = new ArrayList<>();
        for (Method m : api.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass().getName().startsWith("java.sql.")) {
                methods.add(m);
            }
        }
        methods.sort(Comparator.comparing(EverySqlExceptionCarriesAStateTest::signature));
        return methods;
    }

    private static String signature(Method m) {
        return m.getName() + Arrays.toString(Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toArray());
    }

    private static String outcome(Object target, Method m) {
        try {
            m.invoke(target, arguments(m));
            return "ok";
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException) {
                return "SQLException:" + ((SQLException) cause).getSQLState();
            }
            return cause.getClass().getName();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object[] arguments(Method m) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = argument(types[i]);
        }
        return args;
    }

    private static Object argument(Class<?> type) {
        if (type == int.class) return 1;
        if (type == long.class) return 1L;
        if (type == short.class) return (short) 1;
        if (type == byte.class) return (byte) 1;
        if (type == double.class) return 1d;
        if (type == float.class) return 1f;
        if (type == boolean.class) return false;
        if (type == String.class) return "SELECT 1";
        if (type == Class.class) return String.class;
        if (type == int[].class) return new int[] {1};
        if (type == String[].class) return new String[] {"a"};
        if (type == Object[].class) return new Object[0];
        if (type == byte[].class) return new byte[] {1};
        if (type == Properties.class) return new Properties();
        if (type == Map.class) return new HashMap<>();
        if (type == Executor.class) return (Executor) Runnable::run;
        if (type == Calendar.class) return Calendar.getInstance();
        if (type == InputStream.class) return new ByteArrayInputStream(new byte[] {1});
        if (type == Reader.class) return new StringReader("x");
        if (type == SQLType.class) return JDBCType.INTEGER;
        if (type == Object.class) return "x";
        return null;
    }

    @Test
    void everySqlExceptionCarriesAFiveCharacterStateOpenAndClosed() throws Exception {
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (Phase phase : Phase.values()) {
            Map<String, String> plain = outcomes("jdbc:sqlite:", phase);
            Map<String, String> ours = outcomes("jdbc:sqlitevec:", phase);
            for (Map.Entry<String, String> call : ours.entrySet()) {
                calls++;
                String outcome = call.getValue();
                String where = phase + " " + call.getKey();
                if (outcome.startsWith("SQLException:")) {
                    if (!STATE.matcher(outcome.substring("SQLException:".length())).matches()) {
                        problems.add(where + " threw an SQLException with state " + outcome.substring(13));
                    }
                } else if (!outcome.equals("ok") && !outcome.equals(plain.get(call.getKey()))) {
                    problems.add(where + " threw " + outcome + " where sqlite-jdbc gives " + plain.get(call.getKey()));
                }
            }
        }
        assertTrue(calls > 900, "only " + calls + " calls made");
        assertTrue(problems.isEmpty(), problems.size() + " calls break the contract:\n" + String.join("\n", problems));
    }
}
