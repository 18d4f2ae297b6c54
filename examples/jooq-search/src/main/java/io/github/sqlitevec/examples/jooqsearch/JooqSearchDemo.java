package io.github.sqlitevec.examples.jooqsearch;

import io.github.sqlitevec.examples.HashingEmbedder;
import static io.github.sqlitevec.examples.jooqsearch.db.Tables.ARTICLES;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Loads 40 article titles into a {@code vec0} table and runs type-safe KNN searches with metadata
 * filters and a binary-quantized search, all through jOOQ classes generated at build time.
 *
 * <pre>./mvnw -q -pl examples/jooq-search -am -DskipTests package exec:java</pre>
 *
 * The optional argument is the database file (default {@code jooq-search.db}); running again
 * reloads the same articles.
 */
public final class JooqSearchDemo {

    static final int DIMENSIONS = 128; // as in db/schema.sql

    private JooqSearchDemo() {
    }

    public static void main(String[] args) throws SQLException {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Path db = Paths.get(args.length > 0 ? args[0] : "jooq-search.db").toAbsolutePath();
        run(db, System.out);
        System.out.println("database: " + db);
    }

    static void run(Path db, PrintStream out) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlitevec:" + db)) {
            DSLContext ctx = DSL.using(connection, SQLDialect.SQLITE);
            ArticleSearch search = new ArticleSearch(ctx, new HashingEmbedder(DIMENSIONS));
            search.createSchema();
            search.replaceAll(Corpus.ARTICLES);
            out.println(ctx.fetchCount(ARTICLES) + " articles loaded");

            out.println();
            out.println("The KNN query jOOQ sends:");
            out.println("  " + ctx.render(search.knnQuery(new float[DIMENSIONS], 3, ARTICLES.CATEGORY.eq("databases"))));

            show(out, "searching \"how does an index speed up a query\" in databases, k = 3",
                    search.nearestInCategory("how does an index speed up a query", "databases", 3));
            show(out, "searching \"crisp bread crust\" in cooking, k = 3",
                    search.nearestInCategory("crisp bread crust", "cooking", 3));
            show(out, "searching \"choosing a telescope or tyres\" in astronomy or cycling, 2019-2022, k = 4",
                    search.nearestIn("choosing a telescope or tyres", List.of("astronomy", "cycling"), 2019, 2022, 4));
            show(out, "quantized (bit[128] pass, exact cosine re-rank): \"vector search with quantization\" in databases, k = 3",
                    search.quantizedNearestInCategory("vector search with quantization", "databases", 3));
        }
    }

    private static void show(PrintStream out, String title, List<Hit> hits) {
        out.println();
        out.println(title);
        for (Hit hit : hits) {
            out.println("  " + hit);
        }
    }
}
