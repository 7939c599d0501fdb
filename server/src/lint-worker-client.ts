import { Worker } from 'node:worker_threads';
import type { Logger } from './lint-host.js';
import type { ChecklistInput, ConfigChoice, LintReport, WorkerReply, WorkerRequest } from './lint-protocol.js';

/**
 * The server's side of the lint worker: requests with a time limit. A lint that
 * runs past it (a rule stuck in a loop, a pathological regular expression) ends
 * the worker, which starts again for the next request: the server, and every
 * other file, go on.
 */

export interface WorkerInfo {
  eslintVersion: string;
  supportedFiles: string[];
}

export class LintTimeout extends Error {
  constructor(readonly filePath: string, readonly timeoutMs: number) {
    super(`Linting ${filePath} did not finish within ${Math.round(timeoutMs / 1000)} s.`);
  }
}

interface Pending {
  filePath: string;
  build(id: number): WorkerRequest;
  resolve(reply: WorkerReply): void;
  reject(error: Error): void;
  /** Workers that ended while running this request: one that keeps ending them is given up. */
  attempts: number;
  /** Set once the worker takes the request up (queued requests wait without a limit). */
  timer?: NodeJS.Timeout;
  worker: Worker;
}

export class LintWorkerClient {
  #worker: Worker | undefined;
  #nextId = 0;
  readonly #pending = new Map<number, Pending>();
  #stopping = false;
  /** What the first worker said when it started: ESLint's version and the plugin's file globs. */
  readonly #ready: Promise<WorkerInfo>;
  #resolveReady!: (info: WorkerInfo) => void;

  constructor(
    private readonly script: URL,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
    private readonly warnUser: (message: string) => void,
  ) {
    this.#ready = new Promise((resolve) => (this.#resolveReady = resolve));
  }

  /** Starts a worker if none runs, and waits until one has said it is ready. */
  ready(): Promise<WorkerInfo> {
    this.#ensureWorker();
    return this.#ready;
  }

  lint(text: string, filePath: string, languageId: string, choice: ConfigChoice): Promise<LintReport> {
    return this.#request(filePath, (id) => ({ kind: 'lint', id, text, filePath, languageId, ...choice })).then((reply) => {
      if (reply.kind !== 'lint-result') throw new Error(`The lint worker answered ${reply.kind} to a lint.`);
      return reply.report;
    });
  }

  fix(text: string, filePath: string, choice: ConfigChoice, ruleId?: string): Promise<string | undefined> {
    return this.#request(filePath, (id) => ({ kind: 'fix', id, text, filePath, ruleId, ...choice })).then((reply) => {
      if (reply.kind !== 'fix-result') throw new Error(`The lint worker answered ${reply.kind} to a fix.`);
      return reply.output;
    });
  }

  checklist(input: ChecklistInput): Promise<string> {
    return this.#request('the checklist report', (id) => ({ kind: 'checklist', id, ...input })).then((reply) => {
      if (reply.kind !== 'checklist-result') throw new Error(`The lint worker answered ${reply.kind} to a checklist.`);
      return reply.markdown;
    });
  }

  /** Workspace config files (or trust) changed. */
  invalidate(): void {
    this.#worker?.postMessage({ kind: 'invalidate' } satisfies WorkerRequest);
  }

  async dispose(): Promise<void> {
    this.#stopping = true;
    await this.#worker?.terminate();
  }

  #request(filePath: string, build: (id: number) => WorkerRequest): Promise<WorkerReply> {
    return new Promise<WorkerReply>((resolve, reject) => this.#send({ filePath, build, resolve, reject, attempts: 0 }));
  }

  /** Posts a request to the current worker; its time limit starts when the worker takes it up. */
  #send(request: Omit<Pending, 'timer' | 'worker'>): void {
    if (request.attempts >= 2) {
      request.reject(new Error(`The lint worker stopped twice while linting ${request.filePath}.`));
      return;
    }
    const worker = this.#ensureWorker();
    const id = ++this.#nextId;
    this.#pending.set(id, { ...request, worker });
    worker.postMessage(request.build(id));
  }

  #started(id: number): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    pending.timer = setTimeout(() => {
      this.#pending.delete(id);
      pending.reject(new LintTimeout(pending.filePath, this.timeoutMs));
      this.logger.error(
        `Linting ${pending.filePath} did not finish within ${this.timeoutMs} ms: stopping the lint worker (a rule may be stuck) and starting a new one.`,
      );
      this.#restart(pending.worker, id);
    }, this.timeoutMs);
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.script);
    worker.on('message', (reply: WorkerReply) => this.#receive(reply));
    worker.on('error', (error) => {
      this.logger.error(`The lint worker failed: ${error.stack ?? error.message}`);
      this.#restart(worker, this.#running(worker));
    });
    worker.on('exit', (code) => {
      if (this.#worker === worker && !this.#stopping) {
        this.logger.error(`The lint worker exited with code ${code}; starting a new one.`);
        this.#restart(worker, this.#running(worker));
      }
    });
    this.#worker = worker;
    return worker;
  }

  #receive(reply: WorkerReply): void {
    switch (reply.kind) {
      case 'ready':
        this.#resolveReady({ eslintVersion: reply.eslintVersion, supportedFiles: reply.supportedFiles });
        return;
      case 'started':
        this.#started(reply.id);
        return;
      case 'log':
        this.logger[reply.level](reply.message);
        return;
      case 'warn-user':
        this.warnUser(reply.message);
        return;
      case 'error': {
        const pending = this.#take(reply.id);
        pending?.reject(new Error(reply.message));
        return;
      }
      default:
        this.#take(reply.id)?.resolve(reply);
    }
  }

  #take(id: number): Pending | undefined {
    const pending = this.#pending.get(id);
    if (pending) clearTimeout(pending.timer);
    this.#pending.delete(id);
    return pending;
  }

  /** The request `worker` has taken up (the one with a running time limit), if any. */
  #running(worker: Worker): number | undefined {
    for (const [id, pending] of this.#pending) if (pending.worker === worker && pending.timer) return id;
    return undefined;
  }

  /**
   * Ends `worker` (if it is still the current one). The requests it still had go
   * to a new worker; only the one it was running when it ended (`culprit`)
   * counts an attempt against itself.
   */
  #restart(worker: Worker, culprit: number | undefined): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    void worker.terminate();
    const waiting = [...this.#pending.keys()].map((id) => [id, this.#take(id)!] as const);
    if (this.#stopping) return;
    for (const [id, { timer: _timer, worker: _worker, attempts, ...request }] of waiting) {
      this.#send({ ...request, attempts: id === culprit ? attempts + 1 : attempts });
    }
  }
}
