package dk.dealfinder.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextEmbedderTest {

    /** Loads the bundled model's own files by path: the same vectors as the built-in loader. */
    @Test
    void loadsAnOnnxModelAndTokenizerByPath(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("minilm-from-disk"));
        Path model = copy("all-minilm-l6-v2-q.onnx", folder);
        Path tokenizer = copy("all-minilm-l6-v2-q-tokenizer.json", folder);

        TextEmbedder fromDisk = TextEmbedder.shared(model, tokenizer, "mean");

        assertThat(fromDisk.modelId()).isEqualTo("minilm-from-disk");
        assertThat(fromDisk.dimension()).isEqualTo(384);
        String text = "iPhone 13 128GB sort, som ny";
        assertThat(TextEmbedder.cosine(fromDisk.embed(text), TextEmbedder.shared().embed(text)))
                .isGreaterThan(0.999);
        assertThat(TextEmbedder.shared(model, tokenizer, "mean")).isSameAs(fromDisk);
    }

    @Test
    void namesAMissingFileOrUnknownPooling(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nope.onnx");
        assertThatThrownBy(() -> TextEmbedder.shared(missing, missing, "mean"))
                .hasMessageContaining("not readable")
                .hasMessageContaining("nope.onnx");
        Path model = copy("all-minilm-l6-v2-q.onnx", dir);
        Path tokenizer = copy("all-minilm-l6-v2-q-tokenizer.json", dir);
        assertThatThrownBy(() -> TextEmbedder.shared(model, tokenizer, "max"))
                .hasMessageContaining("'mean' or 'cls'");
    }

    private static Path copy(String resource, Path folder) throws IOException {
        Path target = folder.resolve(resource);
        try (InputStream in = TextEmbedder.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    /** One ONNX thread per text changes the speed, not the vectors: the library's loader agrees. */
    @Test
    void embedsAsLangChain4jsOwnLoaderDoes() {
        TextEmbedder library =
                new TextEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel(), "library");
        List<String> texts =
                List.of("iPhone 13 128GB sort, som ny", "Lego Technic 42083", "Sofa, 3 personers");
        List<float[]> ours = TextEmbedder.shared().embedAll(texts);
        List<float[]> theirs = library.embedAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(TextEmbedder.cosine(ours.get(i), theirs.get(i))).isGreaterThan(0.9999);
        }
    }

    @Test
    void noTextsGiveNoVectorsRatherThanAnError() {
        assertThat(TextEmbedder.shared().embedAll(List.of())).isEmpty();
    }
}
