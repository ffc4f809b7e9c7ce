package io.adlift.pipeline.serve.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.definition.ShippedPipelines;
import io.adlift.pipeline.serve.FieldError;
import io.adlift.pipeline.serve.InvalidRecordsException;
import io.adlift.pipeline.serve.ServeProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

class UploadFolderTest {

    private static final String HEADER = "ad_id,xyz_campaign_id,fb_campaign_id,age,gender,interest,Impressions,Clicks,"
            + "Spent,Total_Conversion,Approved_Conversion\n";

    @TempDir
    Path dataDir;

    private final Pipeline ads = ShippedPipelines.catalog().get("ad-conversions");

    private UploadFolder folder(long maxFileSize) {
        ServeProperties properties = new ServeProperties(1000, DataSize.ofMegabytes(1), false, "USD",
                new ServeProperties.Upload(true, "upload-token", null, DataSize.ofBytes(maxFileSize), 2));
        return new UploadFolder(properties, dataDir);
    }

    private static MultipartFile csv(String content) {
        // the client's file name is deliberately one that would leave the folder if it were used as a path
        return new MockMultipartFile("ads", "../../escape.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldStoreEachSourceAsItsOwnFileInAFolderOfTheUpload() {
        Map<String, Path> stored = folder(10_000).store("u1", ads, Map.of("ads", csv(HEADER + "1,916,103916,30-34,M,15,7350,1,1.43,2,1\n")));

        Path file = dataDir.resolve("uploads").resolve("u1").resolve("ads.csv").toAbsolutePath().normalize();
        assertThat(stored).isEqualTo(Map.of("ads", file));
        assertThat(file).content().startsWith(HEADER);
        assertThat(dataDir.resolve("escape.csv")).doesNotExist();
    }

    @Test
    void shouldNameEveryProblemOfTheUploadAtOnce() {
        MultipartFile large = csv(HEADER + "1,916,103916,30-34,M,15,7350,1,1.43,2,1\n");

        assertThatThrownBy(() -> folder(10).store("u2", ads, Map.of("ads", large, "clicks", csv("x"))))
                .isInstanceOfSatisfying(InvalidRecordsException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message).containsExactlyInAnyOrder(
                                tuple("clicks", "pipeline 'ad-conversions' has no source 'clicks'; its sources: [ads]"),
                                tuple("ads", "larger than 10 bytes (adlift.serve.upload.max-file-size)")));
        assertThat(dataDir.resolve("uploads").resolve("u2")).doesNotExist();
    }

    @Test
    void shouldRefuseAFileMissingAColumnAndLeaveNothingBehind() {
        String withoutSpent = HEADER.replace("Spent,", "");

        assertThatThrownBy(() -> folder(10_000).store("u3", ads, Map.of("ads", csv(withoutSpent))))
                .isInstanceOfSatisfying(InvalidRecordsException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.message()).contains("Spent")));
        assertThat(Files.exists(dataDir.resolve("uploads").resolve("u3"))).isFalse();
    }

    @Test
    void shouldRefuseAnIdThatLeavesTheFolder() {
        assertThatThrownBy(() -> folder(10_000).store("../outside", ads, Map.of("ads", csv(HEADER))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("leaves the upload folder");
    }
}
