package dev.shopfront.migrationsync.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.shopfront.migrationsync.capture.events.LegacyProductChangedV1;
import dev.shopfront.migrationsync.config.MigrationSyncProperties;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs Debezium's embedded engine on the monolith's {@code products} table (pgoutput, a
 * filtered publication, a replication slot of its own; a snapshot first when it has no
 * position yet) and hands each batch to the {@link ChangePublisher}. The batch's offsets
 * are committed only after the publisher returned, so nothing is lost on a crash; a
 * failure (database or broker away) stops the engine, which starts again after
 * {@code restart-delay}. An ADMIN stops and starts it ({@code PUT /admin/capture}):
 * stopping is the last step of the migration, after writes were cut over.
 * <p>
 * Metrics: {@code shopfront.migration.capture.changes} (published),
 * {@code shopfront.migration.capture.failures},
 * {@code shopfront.migration.capture.running}.
 */
@Component
public class CatalogCapture implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CatalogCapture.class);

	private final MigrationSyncProperties settings;

	private final ProductChanges changes;

	private final ChangePublisher publisher;

	private final Counter published;

	private final Counter failures;

	private final AtomicLong lastPosition = new AtomicLong();

	private final ScheduledExecutorService runner = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("migration-capture").daemon().factory());

	private volatile boolean wanted;

	/** Whether a run is queued on the runner: at most one at a time. */
	private final java.util.concurrent.atomic.AtomicBoolean queued = new java.util.concurrent.atomic.AtomicBoolean();

	private volatile @Nullable DebeziumEngine<ChangeEvent<String, String>> engine;

	private volatile @Nullable Instant lastChangeAt;

	private volatile @Nullable String lastError;

	CatalogCapture(MigrationSyncProperties settings, CachingConnectionFactory rabbit, JsonMapper json,
			MeterRegistry meters) {
		this.settings = settings;
		this.changes = new ProductChanges(json);
		this.publisher = new ChangePublisher(rabbit.getRabbitConnectionFactory(), settings.capture().exchange(),
				settings.capture().confirmTimeout(), json);
		this.published = Counter.builder("shopfront.migration.capture.changes")
			.description("Changes of the monolith's products captured and published (confirmed and routed)")
			.register(meters);
		this.failures = Counter.builder("shopfront.migration.capture.failures")
			.description("Times the capture failed and was restarted (database or broker away)")
			.register(meters);
		Gauge.builder("shopfront.migration.capture.running", this, (capture) -> capture.running() ? 1 : 0)
			.description("1 while change data capture runs")
			.register(meters);
	}

	@Override
	public void start() {
		if (this.settings.capture().enabled()) {
			resume();
		}
	}

	/** Starts capturing (again), from where it stopped. */
	public synchronized void resume() {
		if (this.wanted) {
			return;
		}
		this.wanted = true;
		if (this.queued.compareAndSet(false, true)) {
			this.runner.execute(this::run);
		}
	}

	/** Stops capturing; the slot keeps the position, so a resume misses nothing. */
	public synchronized void halt() {
		this.wanted = false;
		closeEngine();
	}

	/**
	 * What the capture is doing.
	 * @return its state
	 */
	public CaptureState state() {
		return new CaptureState(running(), (long) this.published.count(), this.lastPosition.get(), this.lastChangeAt,
				this.lastError);
	}

	private boolean running() {
		return this.wanted && this.engine != null;
	}

	private void run() {
		this.queued.set(false);
		if (!this.wanted) {
			return;
		}
		try {
			DebeziumEngine<ChangeEvent<String, String>> engine = DebeziumEngine.create(Json.class)
				.using(properties())
				.notifying(this::handleBatch)
				.using((success, message, error) -> {
					if (!success && this.wanted) {
						this.lastError = message;
					}
				})
				.build();
			this.engine = engine;
			if (!this.wanted) {
				return; // halted while the engine was being made: it never runs
			}
			engine.run();
		}
		catch (RuntimeException ex) {
			this.lastError = ex.getMessage();
		}
		finally {
			this.engine = null;
		}
		if (this.wanted && this.queued.compareAndSet(false, true)) {
			this.failures.increment();
			log.warn("Change data capture stopped ({}); starting again in {}", this.lastError,
					this.settings.capture().restartDelay());
			this.runner.schedule(this::run, this.settings.capture().restartDelay().toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void handleBatch(List<ChangeEvent<String, String>> records,
			DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer) throws InterruptedException {
		List<LegacyProductChangedV1> batch = new ArrayList<>(records.size());
		for (ChangeEvent<String, String> record : records) {
			this.changes.read(record.value()).ifPresent(batch::add);
		}
		Duration pause = Duration.ofMillis(200);
		while (true) {
			try {
				this.publisher.publish(batch);
				break;
			}
			catch (IOException ex) {
				this.lastError = ex.getMessage();
				if (!this.wanted) {
					throw new InterruptedException("Capture stopped before the batch was published");
				}
				log.warn("Publishing {} captured changes failed, will retry in {}: {}", batch.size(), pause,
						ex.getMessage());
				TimeUnit.MILLISECONDS.sleep(pause.toMillis());
				pause = (pause.compareTo(Duration.ofSeconds(10)) < 0) ? pause.multipliedBy(2) : pause;
			}
		}
		for (ChangeEvent<String, String> record : records) {
			committer.markProcessed(record);
		}
		committer.markBatchFinished();
		this.published.increment(batch.size());
		batch.stream().mapToLong(LegacyProductChangedV1::position).max().ifPresent(this.lastPosition::set);
		if (!batch.isEmpty()) {
			this.lastChangeAt = Instant.now();
			this.lastError = null;
		}
	}

	private Properties properties() {
		MigrationSyncProperties.Database legacy = this.settings.legacy();
		MigrationSyncProperties.Capture capture = this.settings.capture();
		Path offsets = capture.offsets().toAbsolutePath();
		try {
			Files.createDirectories(offsets.getParent());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot make the directory of " + offsets, ex);
		}
		Properties properties = new Properties();
		properties.setProperty("name", "shopfront-catalog-capture");
		properties.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
		properties.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
		properties.setProperty("offset.storage.file.filename", offsets.toString());
		properties.setProperty("offset.flush.interval.ms", "0");
		properties.setProperty("database.hostname", legacy.address().getHost());
		properties.setProperty("database.port", String.valueOf(legacy.address().getPort()));
		properties.setProperty("database.user", legacy.username());
		properties.setProperty("database.password", legacy.password());
		properties.setProperty("database.dbname", legacy.name());
		properties.setProperty("topic.prefix", "legacy");
		properties.setProperty("plugin.name", "pgoutput");
		properties.setProperty("slot.name", capture.slot());
		properties.setProperty("publication.name", capture.publication());
		properties.setProperty("publication.autocreate.mode", "filtered");
		properties.setProperty("table.include.list", "public.products");
		properties.setProperty("snapshot.mode", "initial");
		properties.setProperty("decimal.handling.mode", "string");
		properties.setProperty("tombstones.on.delete", "false");
		properties.setProperty("key.converter.schemas.enable", "false");
		properties.setProperty("value.converter.schemas.enable", "false");
		properties.setProperty("max.batch.size", "500");
		properties.setProperty("poll.interval.ms", "100");
		return properties;
	}

	private void closeEngine() {
		DebeziumEngine<ChangeEvent<String, String>> running = this.engine;
		if (running != null) {
			try {
				running.close();
			}
			catch (IOException ex) {
				log.warn("Stopping change data capture: {}", ex.getMessage());
			}
		}
	}

	@Override
	public void stop() {
		halt();
		this.runner.shutdown();
		try {
			this.runner.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.publisher.close();
	}

	@Override
	public boolean isRunning() {
		return this.wanted;
	}

	/**
	 * The capture's state.
	 *
	 * @param running whether it runs
	 * @param published changes published since this application started
	 * @param lastPosition the log position of the last change published, 0 for none yet
	 * @param lastChangeAt when the last change was published, or null
	 * @param lastError the last failure, cleared by the next published change, or null
	 */
	public record CaptureState(boolean running, long published, long lastPosition, @Nullable Instant lastChangeAt,
			@Nullable String lastError) {
	}

}
