package org.example.springboot;

import io.github.cqskpi.KpiEngine;
import io.github.cqskpi.RequestLimitException;
import io.github.cqskpi.RequestOverrides;
import io.github.cqskpi.UnknownRuleSetException;
import io.github.cqskpi.UnreadableRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code POST /v1/evaluate}: the contract's request in, the contract's response out, streamed.
 *
 * <p>The body is handed to the engine as a stream and the response written as it is made, so
 * neither is held in memory whole. The engine reads the whole request before it writes the
 * first byte, so an unreadable request still gets a 400 with a JSON error, never a 200 cut
 * short.
 */
@RestController
class EvaluateController {

    private final KpiEngine engine;

    EvaluateController(KpiEngine engine) {
        this.engine = engine;
    }

    @PostMapping(path = "/v1/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StreamingResponseBody> evaluate(HttpServletRequest request,
            @RequestParam(name = "ruleSet", required = false) String ruleSet,
            @RequestParam(name = "asOf", required = false) String asOf) {
        RequestOverrides overrides = overrides(ruleSet, asOf);
        StreamingResponseBody body = out -> {
            try (InputStream in = request.getInputStream()) {
                engine.evaluateJson(in, out, overrides);
            }
        };
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static RequestOverrides overrides(String ruleSet, String asOf) {
        RequestOverrides o = RequestOverrides.none();
        if (ruleSet != null) {
            o = o.withRuleSet(ruleSet);
        }
        if (asOf != null) {
            try {
                o = o.withAsOf(LocalDate.parse(asOf));
            } catch (DateTimeParseException e) {
                throw new UnreadableRequestException("asOf", "asOf must be a date (YYYY-MM-DD), not \"" + asOf + "\"");
            }
        }
        return o;
    }

    @ExceptionHandler(UnknownRuleSetException.class)
    ResponseEntity<Map<String, Object>> unknownRuleSet(UnknownRuleSetException e) {
        return error(HttpStatus.BAD_REQUEST, "UNKNOWN_RULE_SET", e);
    }

    @ExceptionHandler(RequestLimitException.class)
    ResponseEntity<Map<String, Object>> pastALimit(RequestLimitException e) {
        return error(HttpStatus.BAD_REQUEST, "REQUEST_LIMIT", e);
    }

    @ExceptionHandler(UnreadableRequestException.class)
    ResponseEntity<Map<String, Object>> unreadable(UnreadableRequestException e) {
        return error(HttpStatus.BAD_REQUEST, "UNREADABLE_REQUEST", e);
    }

    /** The contract's error shape: {@code {"error":{"status","code","message","path"}}}. */
    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code,
            UnreadableRequestException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status.value());
        error.put("code", code);
        error.put("message", e.getMessage());
        error.put("path", e.path());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", error));
    }
}
