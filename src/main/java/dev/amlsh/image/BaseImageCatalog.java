package dev.amlsh.image;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled table of Azure ML base images ({@code base-images.tsv}): which images amlsh knows,
 * and the digest Azure ML pins in {@code FROM} where a public source shows it.
 */
public final class BaseImageCatalog {

    public record BaseImage(String image, Optional<String> digest, String note) {}

    private static final BaseImageCatalog BUNDLED = load();

    private final Map<String, BaseImage> images;

    private BaseImageCatalog(Map<String, BaseImage> images) {
        this.images = Collections.unmodifiableMap(images);
    }

    public static BaseImageCatalog bundled() {
        return BUNDLED;
    }

    public List<BaseImage> all() {
        return List.copyOf(images.values());
    }

    public Optional<BaseImage> find(String image) {
        return Optional.ofNullable(images.get(image));
    }

    /**
     * The image as {@code FROM} names it: with {@code @sha256:...} appended when the digest is
     * known; an image already pinned by digest is left as it is.
     */
    public String pinned(String image) {
        if (image.contains("@")) {
            return image;
        }
        return find(image).flatMap(BaseImage::digest).map(d -> image + "@" + d).orElse(image);
    }

    private static BaseImageCatalog load() {
        Map<String, BaseImage> images = new LinkedHashMap<>();
        try (InputStream in = BaseImageCatalog.class.getResourceAsStream("base-images.tsv")) {
            if (in == null) {
                throw new IllegalStateException("base-images.tsv is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", 3);
                Optional<String> digest = cols[1].equals("-") ? Optional.empty() : Optional.of(cols[1]);
                images.put(cols[0], new BaseImage(cols[0], digest, cols.length > 2 ? cols[2] : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BaseImageCatalog(images);
    }
}
