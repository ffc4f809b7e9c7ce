package io.adlift.pipeline.serve.upload;

import io.adlift.pipeline.definition.Pipeline;
import io.adlift.pipeline.serve.ServeWebConfiguration;
import io.adlift.pipeline.serve.ServedPipelines;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** Uploads and their runs. Whether uploads are on and the caller has the token is checked by the token gate, before the body is read. */
@RestController
@ConditionalOnBooleanProperty(ServeWebConfiguration.ACTIVE)
class UploadController {

    private final ServedPipelines pipelines;
    private final UploadFolder folder;
    private final UploadRuns runs;

    UploadController(ServedPipelines pipelines, UploadFolder folder, UploadRuns runs) {
        this.pipelines = pipelines;
        this.folder = folder;
        this.runs = runs;
    }

    @PostMapping(path = "/api/v1/pipelines/{pipeline}/uploads", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Upload a pipeline's CSV files and run it",
            description = "Multipart form: one file per source, in the form field named after the source. Needs "
                    + "adlift.serve.upload.enabled and 'Authorization: Bearer <adlift.serve.upload.token>'. Answers "
                    + "the upload's id; GET /api/v1/uploads/{id} follows the run.")
    Upload upload(@PathVariable String pipeline, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate businessDate, MultipartHttpServletRequest request) {
        Pipeline definition = pipelines.get(pipeline);
        Map<String, MultipartFile> files = request.getFileMap();
        String id = UploadFolder.newId();
        Map<String, Path> stored = folder.store(id, definition, files);
        runs.launch(id, definition.name(), stored, businessDate == null ? LocalDate.now() : businessDate);
        return runs.status(id);
    }

    @GetMapping("/api/v1/uploads/{id}")
    @Operation(summary = "An upload's run: its state, steps and first rejected rows")
    Upload status(@PathVariable String id) {
        return runs.status(id);
    }
}
