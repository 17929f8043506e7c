package org.quittance.it;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Jakarta Batch runs jobs with its repository in PostgreSQL, and a failed job restarts. */
@ExtendWith(ArquillianExtension.class)
class BatchIT {

    private static final String JOB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <job id="wiring-check" xmlns="https://jakarta.ee/xml/ns/jakartaee" version="2.0">
                <step id="check">
                    <batchlet ref="wiringCheckBatchlet">
                        <properties>
                            <property name="fail" value="#{jobParameters['fail']}"/>
                        </properties>
                    </batchlet>
                </step>
            </job>
            """;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(Deployments.testModule(BatchIT.class, WiringCheckBatchlet.class)
                .addAsResource(new StringAsset(JOB_XML.strip()), "META-INF/batch-jobs/wiring-check.xml"));
    }

    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

    private final JobOperator jobs = BatchRuntime.getJobOperator();

    @Test
    void aJobRunsToCompletedAndIsRecordedInThePostgreSqlRepository() throws Exception {
        long execution = jobs.start("wiring-check", parameters("false"));

        assertEquals(BatchStatus.COMPLETED, awaitEnd(execution));
        assertEquals("COMPLETED", statusInRepository(execution));
    }

    @Test
    void aFailedJobCanBeRestarted() throws Exception {
        long failed = jobs.start("wiring-check", parameters("true"));
        assertEquals(BatchStatus.FAILED, awaitEnd(failed));
        assertEquals("FAILED", statusInRepository(failed));

        long restarted = jobs.restart(failed, parameters("false"));

        assertEquals(BatchStatus.COMPLETED, awaitEnd(restarted));
        assertEquals(jobs.getJobInstance(failed).getInstanceId(), jobs.getJobInstance(restarted).getInstanceId(),
                "a restart continues the same job instance");
    }

    private static Properties parameters(String fail) {
        Properties properties = new Properties();
        properties.setProperty("fail", fail);
        return properties;
    }

    private BatchStatus awaitEnd(long execution) {
        Eventually.await("job execution " + execution + " to end", Duration.ofSeconds(30), () -> {
            BatchStatus status = jobs.getJobExecution(execution).getBatchStatus();
            return status == BatchStatus.COMPLETED || status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
        });
        return jobs.getJobExecution(execution).getBatchStatus();
    }

    /** Read straight from JBeret's table: proves the repository is the database, not memory. */
    private String statusInRepository(long execution) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT batchstatus FROM job_execution WHERE jobexecutionid = ?")) {
            query.setLong(1, execution);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : "not in the database";
            }
        }
    }
}
