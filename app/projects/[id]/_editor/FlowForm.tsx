"use client";

import type { Flow, Model } from "@/lib/model/schema";
import { CHANNELS, FLOW_DIRECTIONS, FLOW_ENDS } from "@/lib/model/vocabulary";
import { Checkbox, MultiCheck, ProtectionField, Select, TagsField, TextArea, TextField } from "./fields";
import { ItemFormShell, type ItemFormProps } from "./FormShell";
import { IdField } from "./IdField";
import { useDraft } from "./useDraft";

export function FlowForm(props: ItemFormProps & { flow: Flow; onSave(flow: Flow, previousId?: string): void }) {
  const { model, isNew } = props;
  const { draft, set, setName, setId, idTouched } = useDraft(props.flow, isNew, model);
  const elementIds = model.elements.map((e) => e.id);
  const elementLabel = (id: string) => model.elements.find((e) => e.id === id)?.name ?? id;
  const endpointIdBase = (from: string, to: string) => `${from}-to-${to}`;
  const setEnd = (end: "from" | "to", value: string) => {
    set(end, value);
    if (!idTouched && !draft.name) setName("", endpointIdBase(end === "from" ? value : draft.from, end === "to" ? value : draft.to));
  };

  return (
    <ItemFormShell noun="data flow" form={props} onSave={() => props.onSave(draft, isNew ? undefined : props.flow.id)} deleteWarning={`Delete the flow "${props.flow.id}"? Earlier revisions keep it.`}>
      <TextField label="Name" value={draft.name} onChange={(v) => setName(v, v || endpointIdBase(draft.from, draft.to))} placeholder="optional, e.g. Bolus commands" />
      <IdField value={draft.id} onChange={setId} isNew={isNew} />
      <div className="grid grid-cols-2 gap-2">
        <Select label="From" value={draft.from} options={elementIds} optionLabel={elementLabel} onChange={(v) => setEnd("from", v)} />
        <Select label="To" value={draft.to} options={elementIds} optionLabel={elementLabel} onChange={(v) => setEnd("to", v)} />
      </div>
      <div className="grid grid-cols-2 gap-2">
        <Select label="Channel" value={draft.channel} options={CHANNELS} onChange={(v) => set("channel", v)} />
        <TextField label="Protocol" value={draft.protocol} onChange={(v) => set("protocol", v)} placeholder="e.g. BLE GATT, HTTPS (TLS 1.3)" />
      </div>
      <div className="grid grid-cols-2 gap-2">
        <Select label="Direction" value={draft.direction} options={FLOW_DIRECTIONS} onChange={(v) => set("direction", v)} />
        <Select
          label="Initiated by"
          value={draft.initiator}
          options={FLOW_ENDS}
          optionLabel={(end) => `${end === "from" ? "From" : "To"} end (${elementLabel(end === "from" ? draft.from : draft.to)})`}
          onChange={(v) => set("initiator", v)}
        />
      </div>
      <MultiCheck
        label="Assets carried"
        options={model.assets.map((a) => a.id)}
        optionLabel={(id) => model.assets.find((a) => a.id === id)?.name ?? id}
        value={draft.assets}
        onChange={(v) => set("assets", v)}
        empty="No assets yet: add them under Assets."
      />
      <fieldset className="space-y-1">
        <legend className="field-label">Protection</legend>
        <ProtectionField label="Encrypted" value={draft.encryption} onChange={(v) => set("encryption", v)} placeholder="e.g. TLS 1.3, BLE LE Secure Connections" />
        <ProtectionField
          label="From end authenticated"
          value={draft.authentication.from}
          onChange={(v) => set("authentication", { ...draft.authentication, from: v })}
          placeholder="e.g. client certificate, BLE bonding"
        />
        <ProtectionField
          label="To end authenticated"
          value={draft.authentication.to}
          onChange={(v) => set("authentication", { ...draft.authentication, to: v })}
          placeholder="e.g. server certificate"
        />
        <div className="grid grid-cols-2 gap-1">
          <Checkbox label="Message integrity" checked={draft.messageIntegrity} onChange={(v) => set("messageIntegrity", v)} />
          <Checkbox label="Replay protection" checked={draft.replayProtection} onChange={(v) => set("replayProtection", v)} />
        </div>
      </fieldset>
      <TextArea label="Description" value={draft.description} onChange={(v) => set("description", v)} />
      <TagsField value={draft.tags} onChange={(v) => set("tags", v)} />
    </ItemFormShell>
  );
}
