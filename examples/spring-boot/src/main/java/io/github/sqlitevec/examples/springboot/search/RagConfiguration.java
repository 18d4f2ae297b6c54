package io.github.sqlitevec.examples.springboot.search;

import io.github.sqlitevec.examples.rag.RagApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rag example's model and search as one shared bean; the model is loaded once, at startup. */
@Configuration(proxyBeanMethods = false)
class RagConfiguration {

    @Bean
    RagApi ragApi() {
        RagApi rag = new RagApi();
        rag.loadModel();
        return rag;
    }
}
