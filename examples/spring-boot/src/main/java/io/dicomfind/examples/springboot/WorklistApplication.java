package io.dicomfind.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A modality's worklist client on Spring Boot: the YAML route {@code camel/worklist.camel.yaml} polls the RIS for
 * today's items of one station, {@link PriorStudiesRoute} looks up each new patient's earlier studies on the PACS.
 * Everything is set in {@code application.yaml}; the dicomfind starter binds {@code camel.component.dicomfind.*}.
 */
@SpringBootApplication
public class WorklistApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorklistApplication.class, args);
    }
}
