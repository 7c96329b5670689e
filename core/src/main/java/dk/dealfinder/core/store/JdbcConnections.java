package dk.dealfinder.core.store;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * Opens JDBC connections with a driver found through this class's own class loader. {@link
 * java.sql.DriverManager} only sees drivers visible to the system class loader, so inside a Flink
 * job (a child-first user class loader) it finds no driver for a driver bundled in the job jar.
 */
public final class JdbcConnections {

    private JdbcConnections() {}

    public static Connection open(String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        if (user != null && !user.isEmpty()) {
            props.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        for (Driver driver :
                ServiceLoader.load(Driver.class, JdbcConnections.class.getClassLoader())) {
            if (driver.acceptsURL(url)) {
                Connection connection = driver.connect(url, props);
                if (connection != null) {
                    return connection;
                }
            }
        }
        throw new SQLException(
                "no JDBC driver on the classpath accepts "
                        + url.replaceAll("password=[^&]*", "password=***"));
    }
}
