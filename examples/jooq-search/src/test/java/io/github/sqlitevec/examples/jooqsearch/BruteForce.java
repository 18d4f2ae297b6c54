package io.github.sqlitevec.examples.jooqsearch;

import io.github.sqlitevec.examples.HashingEmbedder;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The answer a search must give, computed in Java in double precision over every article. */
final class BruteForce {

    private final HashingEmbedder embedder;

    BruteForce(HashingEmbedder embedder) {
        this.embedder = embedder;
    }

    List<Hit> nearest(String query, Predicate<Article> filter, int k) {
        float[] q = embedder.embed(query);
        return Corpus.ARTICLES.stream()
                .filter(filter)
                .map(a -> new Hit(a.id(), a.title(), a.category(), a.year(), cosineDistance(q, embedder.embed(a.title()))))
                .sorted(Comparator.comparingDouble(Hit::distance).thenComparingLong(Hit::id))
                .limit(k)
                .collect(Collectors.toList());
    }

    double distance(String query, long articleId) {
        Article article = Corpus.ARTICLES.stream().filter(a -> a.id() == articleId).findFirst().orElseThrow();
        return cosineDistance(embedder.embed(query), embedder.embed(article.title()));
    }

    static double cosineDistance(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return 1 - dot / Math.sqrt(na * nb);
    }
}
