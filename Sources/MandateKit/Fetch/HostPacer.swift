/// One request at a time per host, with a pause between the end of one and the start of the
/// next: a crawler's manners. Different hosts go on in parallel.
actor HostPacer {
  private struct Slot {
    var busy = false
    var notBefore = ContinuousClock.now
    var waiting: [CheckedContinuation<Void, Never>] = []
  }

  private var slots: [String: Slot] = [:]

  /// Waits until `host` is free and its pause has passed, then holds it until `release`.
  func acquire(_ host: String) async {
    while slots[host, default: Slot()].busy {
      await withCheckedContinuation { slots[host, default: Slot()].waiting.append($0) }
    }
    slots[host, default: Slot()].busy = true
    let wait = slots[host, default: Slot()].notBefore - ContinuousClock.now
    if wait > .zero { try? await Task.sleep(for: wait) }
  }

  /// Frees `host`; the next request may start `delay` seconds from now.
  func release(_ host: String, delay: Double) {
    var slot = slots[host, default: Slot()]
    slot.busy = false
    slot.notBefore = ContinuousClock.now + .milliseconds(Int((delay * 1000).rounded()))
    let next = slot.waiting.isEmpty ? nil : slot.waiting.removeFirst()
    slots[host] = slot
    next?.resume()
  }
}
