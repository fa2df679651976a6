package dev.shopfront.order;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counts the transactions that HTTP requests begin, by request ("GET /api/orders/..."),
 * for the tests that hold a use case to the transactions it costs. Transactions of
 * background work (the relay, the sweeper, consumers) are not counted: they run outside
 * any request.
 */
public final class RequestTransactions implements TransactionExecutionListener, AutoCloseable {

	private final AbstractPlatformTransactionManager manager;

	private final List<String> begun = new CopyOnWriteArrayList<>();

	private RequestTransactions(AbstractPlatformTransactionManager manager) {
		this.manager = manager;
	}

	/**
	 * Starts counting.
	 * @param transactionManager the service's transaction manager
	 * @return the counter; close it to stop
	 */
	public static RequestTransactions count(PlatformTransactionManager transactionManager) {
		AbstractPlatformTransactionManager manager = (AbstractPlatformTransactionManager) transactionManager;
		RequestTransactions counter = new RequestTransactions(manager);
		// a copy: the manager's own list may be unmodifiable (Boot sets it from the
		// context's listener beans)
		List<TransactionExecutionListener> listeners = new CopyOnWriteArrayList<>(
				manager.getTransactionExecutionListeners());
		listeners.add(counter);
		manager.setTransactionExecutionListeners(listeners);
		return counter;
	}

	@Override
	public void beforeBegin(TransactionExecution transaction) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			this.begun.add(request.getMethod() + " " + request.getRequestURI());
		}
	}

	/**
	 * The transactions begun by requests with this method and path.
	 * @param method e.g. {@code GET}
	 * @param path e.g. {@code /api/orders/...}
	 * @return how many
	 */
	public long of(String method, String path) {
		String request = method + " " + path;
		return this.begun.stream().filter(request::equals).count();
	}

	@Override
	public void close() {
		List<TransactionExecutionListener> listeners = new CopyOnWriteArrayList<>(
				this.manager.getTransactionExecutionListeners());
		listeners.remove(this);
		this.manager.setTransactionExecutionListeners(listeners);
	}

}
