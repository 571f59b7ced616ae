package br.com.regua;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReguaApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReguaApplication.class, args);
    }
}
