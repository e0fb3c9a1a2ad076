import type { AgentContext, ProvisionedDataset } from '../domain/artifacts.js';

/** One answer of a data agent: what it said, the SQL it ran, and the rows it got. */
export interface AgentAnswer {
  /** The agent's prose answer (may be empty when it only returned data). */
  text: string;
  /** The SQL the agent generated or chose, when it reports one. */
  sql?: string;
  columns: string[];
  rows: unknown[][];
  /** Set when the agent could not answer; `text` then says why in plain words. */
  unanswered?: boolean;
}

/** A conversation with one agent: turns keep their history (follow-up questions work). */
export interface AgentConversation {
  readonly id: string;
  ask(question: string, options?: { signal?: AbortSignal }): Promise<AgentAnswer>;
}

export interface PublishedAgent {
  /** The agent's full name: `projects/p/locations/l/dataAgents/id` for CAPI, `local/<id>` locally. */
  name: string;
  /** Whether this call created it (false: an existing agent was updated). */
  created: boolean;
}

/**
 * A conversational data agent over a provisioned dataset. The Conversational Analytics API
 * in the cloud; a local agent over the DuckDB file otherwise. Every method is idempotent for
 * the same agent id: publishing again updates, deleting a missing agent is not an error.
 * Errors are `agent_error` (RemoteServiceError) naming the agent and the service's reason.
 */
export interface DataAgentService {
  readonly kind: 'capi' | 'local';
  /** Creates the agent, or updates it when it exists, with the full published context. */
  publish(agentId: string, context: AgentContext, dataset: ProvisionedDataset, options?: { signal?: AbortSignal }): Promise<PublishedAgent>;
  /** Starts a conversation with a published agent. */
  converse(agentId: string, options?: { signal?: AbortSignal }): Promise<AgentConversation>;
  /** Whether the agent exists (a checkpointed agent stage stands only while its agent does). */
  exists(agentId: string): Promise<boolean>;
  /** Deletes the agent; resolves false when there was none. */
  delete(agentId: string): Promise<boolean>;
}
