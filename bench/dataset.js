"use strict";

/**
 * The benchmark's data sets: the demo network as shipped, and the demo cloned `times` times. Every clone gets
 * suffixed actor keys (so measures, handlers, memberships and cooperations of a clone refer to actors of the same
 * clone) and suffixed names and titles (so lists stay readable and sort deterministically).
 */
function scaleNetwork(net, times) {
  if (times === 1) return net;
  const out = { actors: [], measures: [], handlers: [], networks: [], cooperations: [] };
  for (let i = 0; i < times; i++) {
    const copy = i + 1;
    const key = (k) => (i === 0 ? k : `${k}~${copy}`);
    const label = (s) => (i === 0 ? s : `${s} (${copy})`);
    for (const a of net.actors) out.actors.push({ ...a, key: key(a.key), name: label(a.name), contacts: a.contacts.map((c) => ({ ...c })) });
    for (const m of net.measures) out.measures.push({ ...m, title: label(m.title), provider: key(m.provider), partners: m.partners.map(key) });
    for (const h of net.handlers) out.handlers.push({ ...h, actor: key(h.actor) });
    for (const n of net.networks) {
      out.networks.push({
        ...n,
        key: key(n.key),
        name: label(n.name),
        memberships: n.memberships.map((ms) => ({ ...ms, actor: key(ms.actor) })),
        meetings: n.meetings.map((mt) => ({ ...mt, participants: mt.participants.map(key) })),
      });
    }
    for (const c of net.cooperations) out.cooperations.push({ ...c, a: key(c.a), b: key(c.b) });
  }
  return out;
}

module.exports = { scaleNetwork };
