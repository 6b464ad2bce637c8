import { lastValueFrom } from 'rxjs';
import { FetchError, getBackendSrv, isFetchError } from '@grafana/runtime';
import { DATASOURCE_TYPE } from '../../constants';
import { AUTH_LABEL, type AuthType, type RustyDBOptions, type RustyDBSecureJsonData } from '../../datasource/types';

export interface NewDatasourceForm {
  name: string;
  serverUrl: string;
  authType: AuthType;
  /** The bearer token or API key, when `authType` needs one. */
  secret: string;
}

export type FormErrors = Partial<Record<keyof NewDatasourceForm, string>>;

const SECRET_FIELD: Record<Exclude<AuthType, 'none'>, keyof RustyDBSecureJsonData> = {
  bearer: 'bearerToken',
  apiKey: 'apiKey',
};

/** Empty when the form can be submitted; otherwise one message per field to fix. */
export function validateForm(form: NewDatasourceForm): FormErrors {
  const errors: FormErrors = {};
  if (!form.name.trim()) {
    errors.name = 'Give the data source a name, e.g. the instance it watches.';
  }
  const url = form.serverUrl.trim();
  if (!url) {
    errors.serverUrl = "Enter RustyDB's REST address, e.g. http://rustydb:8080.";
  } else if (!/^https?:\/\/[^\s/]+/i.test(url)) {
    errors.serverUrl = 'Start the address with http:// or https:// and a host name, e.g. http://rustydb:8080.';
  }
  if (form.authType !== 'none' && !form.secret) {
    errors.secret = `Enter the ${AUTH_LABEL[form.authType].toLowerCase()}, or choose no authentication.`;
  }
  return errors;
}

/** The body of Grafana's `POST /api/datasources`; the secret goes only into secureJsonData, which Grafana never returns. */
function datasourcePayload(form: NewDatasourceForm) {
  const jsonData: RustyDBOptions = { serverUrl: form.serverUrl.trim().replace(/\/+$/, ''), authType: form.authType };
  return {
    name: form.name.trim(),
    type: DATASOURCE_TYPE,
    access: 'proxy',
    jsonData,
    ...(form.authType === 'none' ? {} : { secureJsonData: { [SECRET_FIELD[form.authType]]: form.secret } }),
  };
}

function creationError(err: FetchError, name: string): Error {
  const detail = typeof err.data?.message === 'string' ? err.data.message : err.statusText;
  switch (err.status) {
    case 409:
      return new Error(`A data source named "${name}" already exists. Choose another name.`);
    case 401:
    case 403:
      return new Error('Your Grafana role may not add data sources. Ask an organization administrator to do it.');
  }
  return new Error(`Grafana could not create the data source (${err.status}${detail ? `: ${detail}` : ''}).`);
}

/** Creates the data source through Grafana's API and returns its uid. */
export async function createDatasource(form: NewDatasourceForm): Promise<string> {
  const payload = datasourcePayload(form);
  try {
    const response = await lastValueFrom(
      getBackendSrv().fetch<{ datasource?: { uid?: string } }>({
        url: '/api/datasources',
        method: 'POST',
        data: payload,
        showErrorAlert: false,
      })
    );
    const uid = response.data.datasource?.uid;
    if (!uid) {
      throw new Error(
        'Grafana created the data source but did not say its uid. Find it under Connections → Data sources.'
      );
    }
    return uid;
  } catch (err) {
    throw isFetchError(err) ? creationError(err, payload.name) : err;
  }
}
