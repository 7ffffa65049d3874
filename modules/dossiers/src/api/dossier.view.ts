import { Channel as CatalogChannel } from '@motcua/catalog/contract';
import type { RequestContext } from '@motcua/kernel/contract';
import { Channel, type Dossier } from '../dossier/dossier.entity.js';

const TO_CATALOG: Record<Channel, CatalogChannel> = { [Channel.DIRECT]: CatalogChannel.DIRECT, [Channel.ONLINE]: CatalogChannel.ONLINE, [Channel.POSTAL]: CatalogChannel.POSTAL };

/** The catalog's channel name of a dossier's numeric channel (`KenhThucHien`). @example catalogChannelOf(Channel.ONLINE) // 'ONLINE' */
export function catalogChannelOf(channel: Channel): CatalogChannel {
  return TO_CATALOG[channel];
}

export function dossierView(_ctx: RequestContext, _dossier: Dossier): any {
  return {};
}
