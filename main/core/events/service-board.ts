import type { ServiceStatus } from '../../../shared/contract'

/** The live state of each background service (simulators, receiver, tunnel), shown in the status bar. */
export class ServiceBoard {
  private readonly services = new Map<string, ServiceStatus>()

  constructor(private readonly onChange: () => void) {}

  set(status: ServiceStatus): void {
    this.services.set(status.id, status)
    this.onChange()
  }

  remove(id: string): void {
    if (this.services.delete(id)) this.onChange()
  }

  list(): ServiceStatus[] {
    return [...this.services.values()]
  }
}
